package dev.zt.jpa.internal;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import org.hibernate.engine.spi.SharedSessionContractImplementor;

/**
 * The session of a Hibernate event, on 6.6 and 7.x alike. {@code getSession()} returns
 * {@code EventSource} on some event types in 6.6 and {@code SharedSessionContractImplementor} in 7,
 * a different method descriptor, so a direct call compiled against one fails on the other. The
 * accessor is resolved once per event class.
 */
final class EventSessions {

    private static final ClassValue<MethodHandle> GET_SESSION = new ClassValue<>() {
        @Override
        protected MethodHandle computeValue(Class<?> type) {
            try {
                return MethodHandles.publicLookup()
                        .unreflect(type.getMethod("getSession"))
                        .asType(MethodType.methodType(SharedSessionContractImplementor.class, Object.class));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("ZT-4010 unsupported Hibernate version: no " + type.getName()
                        + ".getSession()", e);
            }
        }
    };

    private EventSessions() {
    }

    /** The event's session; {@code null} for StatelessSession events of Hibernate 6.6. */
    static SharedSessionContractImplementor of(Object event) {
        try {
            return (SharedSessionContractImplementor) GET_SESSION.get(event.getClass()).invokeExact(event);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
