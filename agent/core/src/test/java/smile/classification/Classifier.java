package smile.classification;

/**
 * Test fixture standing in for Smile's model interface (the agent matches Smile by name only; the real library,
 * GPL-3.0, is not on this module's class path). The real-library tests are in agent/dist (it/instrumentation).
 */
public interface Classifier {
}
