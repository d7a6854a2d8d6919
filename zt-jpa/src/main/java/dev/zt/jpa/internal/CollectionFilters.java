package dev.zt.jpa.internal;

import java.util.Map;
import org.hibernate.boot.Metadata;
import org.hibernate.mapping.Collection;
import org.hibernate.mapping.ManyToOne;
import org.hibernate.mapping.OneToMany;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.mapping.Property;
import org.hibernate.mapping.Selectable;
import org.hibernate.mapping.Value;

/**
 * Hibernate's tenant filter restricts entity loads but not the loading of a collection whose
 * elements are tenant-scoped entities. Before the runtime model is built, this adds the same
 * filter ({@code _tenantId}) to every such collection, so an element of another tenant is simply
 * not there.
 */
final class CollectionFilters {

    /** The filter Hibernate's {@code @TenantId} binding defines and enables for each session. */
    static final String TENANT_FILTER = "_tenantId";

    private CollectionFilters() {
    }

    static void apply(Metadata metadata) {
        for (Collection collection : metadata.getCollectionBindings()) {
            Value element = collection.getElement();
            if (element instanceof OneToMany oneToMany) {
                String column = tenantColumn(metadata, oneToMany.getReferencedEntityName());
                if (column != null) {
                    collection.addFilter(TENANT_FILTER, column + " = :tenantId", true, Map.of(), Map.of());
                }
            } else if (element instanceof ManyToOne manyToMany) {
                String column = tenantColumn(metadata, manyToMany.getReferencedEntityName());
                if (column != null) {
                    collection.addManyToManyFilter(TENANT_FILTER, column + " = :tenantId", true, Map.of(), Map.of());
                }
            }
        }
    }

    private static String tenantColumn(Metadata metadata, String entityName) {
        PersistentClass entity = metadata.getEntityBinding(entityName);
        if (entity == null || entity.getMappedClass() == null) {
            return null;
        }
        String attribute = TenantModel.tenantAttribute(entity.getMappedClass());
        if (attribute == null) {
            return null;
        }
        Property property = entity.getProperty(attribute);
        Selectable selectable = property.getSelectables().get(0);
        return selectable.getText();
    }
}
