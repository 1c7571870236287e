package paperboy.render;

import freemarker.ext.beans.BeansWrapper;
import freemarker.ext.beans.StringModel;
import freemarker.template.DefaultObjectWrapper;
import freemarker.template.MethodCallAwareTemplateHashModel;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.Version;
import java.lang.invoke.MethodHandle;
import java.util.HashMap;
import java.util.Map;

/**
 * FreeMarker's default object wrapper, but a view-model record's components are read through method handles
 * made once per record class rather than by reflection on every access: templates read a record component for
 * nearly every {@code ${...}} of every page, and FreeMarker's reflective call was a good part of rendering.
 * Everything else about a record (its other methods, {@code ?has_content}, keys, {@code ${record}}) is
 * FreeMarker's own bean model, as before.
 */
final class RecordWrapper extends DefaultObjectWrapper {
    /** Component name to accessor handle, per record class; an empty map when the handles cannot be made. */
    private static final ClassValue<Map<String, MethodHandle>> ACCESSORS = new ClassValue<>() {
        @Override
        protected Map<String, MethodHandle> computeValue(Class<?> type) {
            Map<String, MethodHandle> out = new HashMap<>();
            try {
                for (RecordComponents.Component c : RecordComponents.of(type)) out.put(c.name(), c.getter());
            } catch (RuntimeException e) {
                return Map.of(); // left to FreeMarker's reflection
            }
            return Map.copyOf(out);
        }
    };

    RecordWrapper(Version version) {
        super(version);
    }

    /**
     * A view-model record straight to its model: FreeMarker's {@code wrap} first asks it whether it is a string,
     * number, date, array, collection, map, boolean, iterator, enumeration, iterable or DOM node, most of them
     * interface checks that a record class fails the slow way, for every record of every page.
     */
    @Override
    public TemplateModel wrap(Object obj) throws TemplateModelException {
        TemplateModel record = recordModel(obj);
        return record != null ? record : super.wrap(obj);
    }

    @Override
    protected TemplateModel handleUnknownType(Object obj) throws TemplateModelException {
        TemplateModel record = recordModel(obj);
        return record != null ? record : super.handleUnknownType(obj);
    }

    /** A record whose components have handles, as a {@link RecordModel}; null: FreeMarker's own wrapping. */
    private TemplateModel recordModel(Object obj) {
        if (!(obj instanceof Record)) return null;
        Map<String, MethodHandle> accessors = ACCESSORS.get(obj.getClass());
        return accessors.isEmpty() ? null : new RecordModel(obj, this, accessors);
    }

    /** A record as FreeMarker's generic object model, its components read through handles. */
    static final class RecordModel extends StringModel implements MethodCallAwareTemplateHashModel {
        private final Map<String, MethodHandle> accessors;

        RecordModel(Object record, BeansWrapper wrapper, Map<String, MethodHandle> accessors) {
            super(record, wrapper);
            this.accessors = accessors;
        }

        @Override
        public TemplateModel get(String key) throws TemplateModelException {
            MethodHandle accessor = accessors.get(key);
            if (accessor == null) return super.get(key);
            Object value;
            try {
                value = (Object) accessor.invokeExact(object);
            } catch (Throwable t) {
                throw new TemplateModelException("cannot read " + key + " of " + object.getClass().getName(), t);
            }
            return wrap(value);
        }

        @Override
        public TemplateModel getBeforeMethodCall(String key)
                throws TemplateModelException, MethodCallAwareTemplateHashModel.ShouldNotBeGetAsMethodException {
            return super.getBeforeMethodCall(key);
        }
    }
}
