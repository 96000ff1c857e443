package io.clusterdeck.app.designer;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/** Undo and redo over immutable values: every edit pushes the value it replaced. */
final class History<T> {
    static final int LIMIT = 500;

    private final Deque<T> undo = new ArrayDeque<>();
    private final Deque<T> redo = new ArrayDeque<>();

    /** Records that {@code previous} was replaced by an edit; forgets what could be redone. */
    void edited(T previous) {
        undo.push(previous);
        if (undo.size() > LIMIT) {
            undo.removeLast();
        }
        redo.clear();
    }

    /** The value before the last edit, remembering {@code current} for redo. */
    Optional<T> undo(T current) {
        if (undo.isEmpty()) {
            return Optional.empty();
        }
        redo.push(current);
        return Optional.of(undo.pop());
    }

    /** The value the last undo replaced, remembering {@code current} for undo. */
    Optional<T> redo(T current) {
        if (redo.isEmpty()) {
            return Optional.empty();
        }
        undo.push(current);
        return Optional.of(redo.pop());
    }

    boolean canUndo() {
        return !undo.isEmpty();
    }

    boolean canRedo() {
        return !redo.isEmpty();
    }

    void clear() {
        undo.clear();
        redo.clear();
    }
}
