package dev.zt.cdi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SelfCallsTest {

    static class CallsItself {
        public String outer(int n) {
            return inner("x", n);
        }

        public String inner(String s, int n) {
            // long and double constants take two constant-pool slots: the reader must skip them right
            long big = n * 1234567890123L;
            double e = n * 2.718281828459045;
            return s + big + e + later(n);
        }

        private String later(int n) {
            return Integer.toString(n);
        }

        public Runnable viaReference() {
            return this::noArgs;
        }

        void noArgs() {
        }
    }

    static class CallsNothingOfItsOwn {
        public String work() {
            return String.valueOf(42);
        }
    }

    @Test
    void ofWhenClassCallsOwnMethodsThenNamesAndDescriptorsFound() throws Exception {
        assertThat(SelfCalls.of(CallsItself.class, CallsItself.class))
                .contains("inner(Ljava/lang/String;I)Ljava/lang/String;", "noArgs()V", "later(I)Ljava/lang/String;")
                .contains("inner" + BusinessMethods.descriptor(CallsItself.class.getMethod("inner", String.class, int.class)))
                .doesNotContain("outer(I)Ljava/lang/String;");
    }

    @Test
    void ofWhenClassCallsNoOwnMethodThenNoneFound() {
        assertThat(SelfCalls.of(CallsNothingOfItsOwn.class, CallsNothingOfItsOwn.class))
                .noneMatch(call -> call.startsWith("work"));
    }

    @Test
    void ofWhenOwnerIsAnotherClassThenOnlyItsMethodsAreListed() {
        assertThat(SelfCalls.of(CallsNothingOfItsOwn.class, String.class)).contains("valueOf(I)Ljava/lang/String;");
    }
}
