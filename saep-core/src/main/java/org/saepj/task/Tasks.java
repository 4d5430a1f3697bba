package org.saepj.task;

import java.util.List;
import org.saepj.Providers;
import org.saepj.Suggestion;
import org.saepj.UnknownNameException;

/**
 * The tasks the class path offers, found by id: the built-in classification and any a jar declares in
 * {@code META-INF/services/org.saepj.task.Task}.
 */
public final class Tasks {
    private Tasks() {}

    /** @return every task on the class path, in class-path order */
    public static List<Task> all() {
        return Providers.all(Task.class);
    }

    /**
     * @param id a task's id, as a saved ensemble or an option names it
     * @return that task
     * @throws UnknownNameException when no task has that id (the message lists those that exist)
     */
    public static Task of(String id) {
        return Providers.find(Task.class, Task::id, id).orElseThrow(() -> {
            List<String> ids = all().stream().map(Task::id).toList();
            return new UnknownNameException(
                    "unknown task '" + id + "': expected one of " + String.join(", ", ids) + Suggestion.hint(id, ids));
        });
    }
}
