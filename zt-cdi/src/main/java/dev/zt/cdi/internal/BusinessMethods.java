package dev.zt.cdi.internal;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The business methods a client can call on a bean: non-static, non-private methods of the bean class
 * and its superclasses (the most derived override only), without bridges, lifecycle callbacks,
 * producers, disposers, observers and the {@code Object} trio {@code equals/hashCode/toString}.
 */
public final class BusinessMethods {

    private static final Set<String> OBJECT_METHODS = Set.of("equals(java.lang.Object)", "hashCode()", "toString()");

    private BusinessMethods() {
    }

    public static List<Method> of(Class<?> beanClass) {
        Map<String, Method> byKey = new LinkedHashMap<>();
        for (Class<?> c = beanClass; c != null && c != Object.class; c = c.getSuperclass()) {
            Method[] declared = c.getDeclaredMethods();
            Arrays.sort(declared, (a, b) -> a.toString().compareTo(b.toString()));
            for (Method m : declared) {
                int mod = m.getModifiers();
                if (Modifier.isStatic(mod) || Modifier.isPrivate(mod) || m.isBridge() || m.isSynthetic()
                        || isContainerCallback(m)) {
                    continue;
                }
                String key = key(m);
                if (!OBJECT_METHODS.contains(key)) {
                    byKey.putIfAbsent(key, m);
                }
            }
        }
        return new ArrayList<>(byKey.values());
    }

    /** The JVM descriptor of {@code m}, e.g. {@code (Ljava/lang/String;I)V}. */
    public static String descriptor(Method m) {
        StringBuilder d = new StringBuilder("(");
        for (Class<?> p : m.getParameterTypes()) {
            d.append(descriptor(p));
        }
        return d.append(')').append(descriptor(m.getReturnType())).toString();
    }

    private static String descriptor(Class<?> type) {
        if (type.isArray()) {
            return type.getName().replace('.', '/');
        }
        if (type.isPrimitive()) {
            return switch (type.getName()) {
                case "void" -> "V";
                case "boolean" -> "Z";
                case "byte" -> "B";
                case "char" -> "C";
                case "short" -> "S";
                case "int" -> "I";
                case "long" -> "J";
                case "float" -> "F";
                default -> "D";
            };
        }
        return "L" + type.getName().replace('.', '/') + ";";
    }

    private static String key(Method m) {
        StringBuilder key = new StringBuilder(m.getName()).append('(');
        Class<?>[] params = m.getParameterTypes();
        for (int i = 0; i < params.length; i++) {
            key.append(i == 0 ? "" : ",").append(params[i].getTypeName());
        }
        return key.append(')').toString();
    }

    private static boolean isContainerCallback(Method m) {
        if (m.isAnnotationPresent(PostConstruct.class) || m.isAnnotationPresent(PreDestroy.class)
                || m.isAnnotationPresent(Produces.class)) {
            return true;
        }
        for (Annotation[] annotations : m.getParameterAnnotations()) {
            for (Annotation a : annotations) {
                Class<? extends Annotation> type = a.annotationType();
                if (type == Observes.class || type == ObservesAsync.class || type == Disposes.class) {
                    return true;
                }
            }
        }
        return false;
    }
}
