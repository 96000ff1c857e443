package io.clusterdeck.app.designer;

/**
 * A rectangle on the canvas, in canvas pixels: a card, a label, or the part of the canvas in view.
 *
 * @param x left edge
 * @param y top edge
 */
public record Area(double x, double y, double width, double height) {
    public Area {
        if (width < 0 || height < 0) {
            throw new IllegalArgumentException("an area has no negative size, was " + width + " x " + height);
        }
    }

    public double maxX() {
        return x + width;
    }

    public double maxY() {
        return y + height;
    }

    /** Whether the two overlap by more than touching. */
    public boolean overlaps(Area other) {
        return x < other.maxX() && other.x < maxX() && y < other.maxY() && other.y < maxY();
    }

    /** This area grown by a margin on every side. */
    public Area grown(double margin) {
        return new Area(x - margin, y - margin, width + 2 * margin, height + 2 * margin);
    }
}
