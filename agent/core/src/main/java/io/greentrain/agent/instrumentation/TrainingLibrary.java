package io.greentrain.agent.instrumentation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds the library's name ({@link LibraryInstrumentation#library()}) into {@link TrainingCallAdvice} as a constant:
 * one advice class for every library's entry points, the library as data ({@code Advice.withCustomMapping}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface TrainingLibrary {
}
