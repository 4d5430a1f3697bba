package org.saepj.spark;

/** What a failed Spark job says to a user: the innermost cause's message, without Spark's stage and task wrapping. */
final class TaskFailure {
    private TaskFailure() {}

    static String message(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null
                ? t.getClass().getSimpleName()
                : t.getClass().getSimpleName() + ": " + t.getMessage();
    }
}
