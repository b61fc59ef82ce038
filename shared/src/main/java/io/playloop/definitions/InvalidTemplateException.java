package io.playloop.definitions;

/**
 * template.yaml cannot be read, or lacks (or misspells) something the code relies on. The message
 * names the file and the path of the node at fault, e.g.
 * {@code template.yaml: Resources.InboundQueue.Properties.VisibilityTimeout: expected a number, found "!Ref X"}.
 */
public class InvalidTemplateException extends RuntimeException {
    public InvalidTemplateException(String message) {
        super(message);
    }

    public InvalidTemplateException(String message, Throwable cause) {
        super(message, cause);
    }
}
