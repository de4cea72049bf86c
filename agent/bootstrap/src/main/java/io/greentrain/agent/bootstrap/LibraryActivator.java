package io.greentrain.agent.bootstrap;

import java.lang.instrument.ClassFileTransformer;

/**
 * Implemented by the agent core (behind the isolating loader): what the dormant {@link LibraryWatcher} calls the first
 * time a class of a training library is defined. JDK types only, because it is shared across class loaders.
 */
public interface LibraryActivator {

    /**
     * Installs what measuring {@code library} needs and returns the transformer for that library's classes, or null
     * when the library is switched off (its classes are then left alone). Called once per library, under the watcher's
     * lock, on the thread that defines the library's first class; never throws.
     */
    ClassFileTransformer activate(String library);
}
