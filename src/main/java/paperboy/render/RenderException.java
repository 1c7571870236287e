package paperboy.render;

/** A template or output problem the user can fix; the message says where. */
public final class RenderException extends RuntimeException {
    public RenderException(String message, Throwable cause) {
        super(message, cause);
    }

    public RenderException(String message) {
        super(message);
    }
}
