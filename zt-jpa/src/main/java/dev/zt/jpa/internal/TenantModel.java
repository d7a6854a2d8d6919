package dev.zt.jpa.internal;

import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.hibernate.annotations.TenantId;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.persister.entity.EntityPersister;

/**
 * Which entities are tenant-scoped (a field annotated {@link TenantId}, declared or inherited), the
 * index of that attribute, and which tables hold tenant data. Built once per session factory, on
 * first use, from the runtime metamodel.
 */
final class TenantModel {

    private static final int NOT_SCOPED = -1;

    private final Map<String, Integer> tenantIndexByEntity;
    private final Set<String> tables;
    private final Pattern tableReference;

    private TenantModel(Map<String, Integer> tenantIndexByEntity, Set<String> tables) {
        this.tenantIndexByEntity = Map.copyOf(tenantIndexByEntity);
        this.tables = Set.copyOf(tables);
        this.tableReference = tables.isEmpty() ? null : Pattern.compile(
                "(?<![A-Za-z0-9_$])\"?(" + tables.stream().map(Pattern::quote).collect(Collectors.joining("|"))
                        + ")\"?(?![A-Za-z0-9_$])",
                Pattern.CASE_INSENSITIVE);
    }

    static TenantModel of(SessionFactoryImplementor factory) {
        Map<String, Integer> indexes = new ConcurrentHashMap<>();
        Set<String> tables = new TreeSet<>();
        factory.getMappingMetamodel().forEachEntityDescriptor(persister -> {
            String attribute = tenantAttribute(persister.getMappedClass());
            if (attribute != null) {
                int index = Arrays.asList(persister.getPropertyNames()).indexOf(attribute);
                indexes.put(persister.getEntityName(), index);
                for (Object space : persister.getQuerySpaces()) {
                    tables.add(unqualified(String.valueOf(space)));
                }
            }
        });
        factory.getMappingMetamodel().forEachCollectionDescriptor(collection -> {
            if (indexes.containsKey(collection.getOwnerEntityPersister().getEntityName())) {
                for (String space : collection.getCollectionSpaces()) {
                    tables.add(unqualified(space));
                }
            }
        });
        return new TenantModel(indexes, tables);
    }

    /** A model that knows only tenant tables (lower-case, unqualified): what the native-SQL check needs. */
    static TenantModel ofTables(Set<String> tables) {
        return new TenantModel(Map.of(), tables);
    }

    /** The name of the {@link TenantId} field of {@code type} or a superclass, or {@code null}. */
    static String tenantAttribute(Class<?> type) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (field.isAnnotationPresent(TenantId.class)) {
                    return field.getName();
                }
            }
        }
        return null;
    }

    /** Index of the tenant attribute in {@code persister}'s property values, or -1 when not scoped. */
    int tenantIndex(EntityPersister persister) {
        return tenantIndexByEntity.getOrDefault(persister.getEntityName(), NOT_SCOPED);
    }

    boolean isEmpty() {
        return tenantIndexByEntity.isEmpty();
    }

    Set<String> tables() {
        return tables;
    }

    /** True when {@code sql} names a tenant-scoped table (as a whole identifier, any case, quoted or not). */
    boolean referencesTenantTable(String sql) {
        return tenantTableIn(sql).isPresent();
    }

    /** The first tenant-scoped table {@code sql} names (lower-case, unqualified), if any. */
    Optional<String> tenantTableIn(String sql) {
        if (tableReference == null) {
            return Optional.empty();
        }
        Matcher m = tableReference.matcher(sql);
        return m.find() ? Optional.of(m.group(1).toLowerCase(Locale.ROOT)) : Optional.empty();
    }

    private static String unqualified(String table) {
        String name = table.substring(table.lastIndexOf('.') + 1).replace("\"", "").replace("`", "");
        return name.toLowerCase(Locale.ROOT);
    }
}
