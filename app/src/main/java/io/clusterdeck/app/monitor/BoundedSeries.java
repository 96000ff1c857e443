package io.clusterdeck.app.monitor;

/** The last {@code capacity} samples of a live value, oldest first; older ones fall off. */
public final class BoundedSeries {
    private final double[] values;
    private int start;
    private int size;

    public BoundedSeries(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.values = new double[capacity];
    }

    public void add(double value) {
        if (size < values.length) {
            values[(start + size++) % values.length] = value;
        } else {
            values[start] = value;
            start = (start + 1) % values.length;
        }
    }

    public int size() {
        return size;
    }

    public int capacity() {
        return values.length;
    }

    /** The i-th kept sample, 0 being the oldest. */
    public double get(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("sample " + i + " of " + size);
        }
        return values[(start + i) % values.length];
    }

    public double last() {
        return size == 0 ? 0 : get(size - 1);
    }

    public double max() {
        double max = 0;
        for (int i = 0; i < size; i++) {
            max = Math.max(max, get(i));
        }
        return max;
    }

    /** The sum of the newest {@code n} samples (all of them if there are fewer). */
    public double sumOfLast(int n) {
        double sum = 0;
        for (int i = Math.max(0, size - n); i < size; i++) {
            sum += get(i);
        }
        return sum;
    }
}
