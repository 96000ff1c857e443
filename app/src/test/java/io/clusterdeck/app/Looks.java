package io.clusterdeck.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.image.Image;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Text;
import javax.imageio.ImageIO;
import org.testfx.util.WaitForAsyncUtils;

/** What a window looks like, measured: contrast, what is cut off, what is outside, and its screenshot. */
public final class Looks {
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private Looks() {
    }

    /** The WCAG contrast ratio of two colours, 1 to 21; 4.5 is enough for body text. */
    public static double contrast(Color a, Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    /** The WCAG relative luminance of a colour, 0 (black) to 1 (white). */
    public static double luminance(Color color) {
        return 0.2126 * linear(color.getRed()) + 0.7152 * linear(color.getGreen()) + 0.0722 * linear(color.getBlue());
    }

    private static double linear(double channel) {
        return channel <= 0.03928 ? channel / 12.92 : Math.pow((channel + 0.055) / 1.055, 2.4);
    }

    /** The colour behind a node: its own background fills over those of its parents, as far as one is opaque. */
    public static Color background(Node node) {
        var layers = new java.util.ArrayDeque<Color>();
        for (Node n = node; n != null; n = n.getParent()) {
            if (n instanceof Region region && region.getBackground() != null) {
                var fills = region.getBackground().getFills();
                for (int i = fills.size() - 1; i >= 0; i--) {
                    if (fills.get(i).getFill() instanceof Color color && color.getOpacity() > 0) {
                        layers.push(color);
                        if (color.isOpaque()) {
                            return compose(layers);
                        }
                    }
                }
            }
        }
        layers.push(Color.WHITE);
        return compose(layers);
    }

    private static Color compose(java.util.Deque<Color> bottomFirst) {
        var result = bottomFirst.pop();
        while (!bottomFirst.isEmpty()) {
            var top = bottomFirst.pop();
            double a = top.getOpacity();
            result = new Color(top.getRed() * a + result.getRed() * (1 - a), top.getGreen() * a + result.getGreen() * (1 - a),
                    top.getBlue() * a + result.getBlue() * (1 - a), 1);
        }
        return result;
    }

    /** The colour a label's text is drawn in. */
    public static Color textColor(Labeled label) {
        return (Color) label.getTextFill();
    }

    /** Whether a label draws its whole text, not cut off with an ellipsis. */
    public static boolean shownWhole(Labeled label) {
        var text = (Text) label.lookup(".text");
        return text != null && text.getText().equals(label.getText());
    }

    /** Whether a node lies wholly inside the visible area of its scene. */
    public static boolean insideScene(Node node) {
        Bounds bounds = node.localToScene(node.getBoundsInLocal());
        var scene = node.getScene();
        return node.isVisible() && bounds.getMinX() >= -0.5 && bounds.getMinY() >= -0.5
                && bounds.getMaxX() <= scene.getWidth() + 0.5 && bounds.getMaxY() <= scene.getHeight() + 0.5;
    }

    /** Whether a node and all its parents are visible. */
    public static boolean visible(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    /** Saves the scene as a PNG under target/screenshots and returns the picture. */
    public static Image screenshot(Scene scene, String name) throws Exception {
        Files.createDirectories(SCREENSHOTS);
        var image = WaitForAsyncUtils.asyncFx(() -> scene.snapshot(null)).get(30, TimeUnit.SECONDS);
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", SCREENSHOTS.resolve(name).toFile());
        return image;
    }

    /** The colours a node is drawn with in a picture of its scene, the most frequent first. */
    public static List<Color> drawnColors(Image picture, Node node) {
        Bounds bounds = node.localToScene(node.getBoundsInLocal());
        var counts = new HashMap<Color, Integer>();
        var pixels = picture.getPixelReader();
        int maxX = (int) Math.min(picture.getWidth(), Math.floor(bounds.getMaxX()));
        int maxY = (int) Math.min(picture.getHeight(), Math.floor(bounds.getMaxY()));
        for (int y = (int) Math.max(0, Math.ceil(bounds.getMinY())); y < maxY; y++) {
            for (int x = (int) Math.max(0, Math.ceil(bounds.getMinX())); x < maxX; x++) {
                counts.merge(pixels.getColor(x, y), 1, Integer::sum);
            }
        }
        return counts.entrySet().stream().sorted(Map.Entry.<Color, Integer>comparingByValue().reversed())
                .map(Map.Entry::getKey).toList();
    }

    /** The colour of one pixel of a node, as drawn. */
    public static Color pixel(Node node, double x, double y) throws Exception {
        var image = WaitForAsyncUtils.asyncFx(() -> node.snapshot(null, null)).get(30, TimeUnit.SECONDS);
        return image.getPixelReader().getColor((int) x, (int) y);
    }

    /** Every node below a parent with a style class. */
    public static java.util.List<Node> all(Parent root, String selector) {
        return java.util.List.copyOf(root.lookupAll(selector));
    }
}
