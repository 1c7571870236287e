package paperboy.render;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

/**
 * The components of a record class, each read through a method handle made once per class: cheaper to call than
 * reflection, and view models are read component by component on every page, by the templates
 * ({@link RecordWrapper}) and by the incremental build's fingerprints ({@code incremental.ModelHash}).
 */
public final class RecordComponents {
    private static final MethodType GETTER = MethodType.methodType(Object.class, Object.class);

    /** One component: its name and how to read it. */
    public record Component(String name, MethodHandle getter) {
        public Object get(Object record) {
            try {
                return (Object) getter.invokeExact(record);
            } catch (Throwable e) {
                throw new IllegalStateException("cannot read " + name + " of " + record.getClass().getName(), e);
            }
        }
    }

    private static final ClassValue<List<Component>> COMPONENTS = new ClassValue<>() {
        @Override
        protected List<Component> computeValue(Class<?> type) {
            List<Component> out = new ArrayList<>();
            for (RecordComponent c : type.getRecordComponents()) {
                Method m = c.getAccessor();
                try {
                    m.setAccessible(true);
                    out.add(new Component(c.getName(), MethodHandles.lookup().unreflect(m).asType(GETTER)));
                } catch (IllegalAccessException | RuntimeException e) {
                    throw new IllegalStateException("cannot read " + m, e);
                }
            }
            return List.copyOf(out);
        }
    };

    private RecordComponents() {}

    /** The components of record class {@code type}, in declaration order. */
    public static List<Component> of(Class<?> type) {
        return COMPONENTS.get(type);
    }
}
