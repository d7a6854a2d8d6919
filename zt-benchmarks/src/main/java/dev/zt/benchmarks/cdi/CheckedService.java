package dev.zt.benchmarks.cdi;

import dev.zt.cdi.RequiresScope;
import jakarta.enterprise.context.ApplicationScoped;

/** One bean, two identical methods: one guarded by the interceptor, one not. */
@ApplicationScoped
public class CheckedService {

    @RequiresScope("orders:read")
    public long guarded(long value) {
        return value + 1;
    }

    public long unguarded(long value) {
        return value + 1;
    }
}
