import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import javax.imageio.ImageIO;

/**
 * Renders clusterdeck.svg's shapes into the PNG sizes the window and packages use.
 * Run from this folder: {@code java RenderIcons.java}. Keep the shapes in step with the SVG.
 */
public final class RenderIcons {
    private static final int[] SIZES = {16, 24, 32, 48, 64, 128, 256};

    public static void main(String[] args) throws IOException {
        for (int size : SIZES) {
            var image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
            var g = image.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.scale(size / 256.0, size / 256.0);
            draw(g);
            g.dispose();
            ImageIO.write(image, "png", new File("clusterdeck-" + size + ".png"));
        }
    }

    private static void draw(Graphics2D g) {
        g.setPaint(new GradientPaint(0, 16, new Color(0x2b3a67), 0, 240, new Color(0x161d33)));
        g.fill(new RoundRectangle2D.Double(16, 16, 224, 224, 96, 96));
        g.setColor(new Color(0x3a5696));
        g.fill(new RoundRectangle2D.Double(84, 48, 128, 92, 32, 32));
        g.setColor(new Color(0x5680e0));
        g.fill(new RoundRectangle2D.Double(66, 72, 128, 92, 32, 32));
        g.setColor(new Color(0xf4f7ff));
        g.fill(new RoundRectangle2D.Double(44, 98, 136, 106, 36, 36));
        g.setColor(new Color(0x8aa4e6));
        g.setStroke(new BasicStroke(7, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(new Line2D.Double(82, 152, 144, 126));
        g.draw(new Line2D.Double(82, 152, 144, 178));
        circle(g, 82, 152, 16, 0x3b63c4);
        circle(g, 144, 126, 13, 0xf2994a);
        circle(g, 144, 178, 13, 0x2fb36d);
    }

    private static void circle(Graphics2D g, double cx, double cy, double r, int rgb) {
        g.setColor(new Color(rgb));
        g.fill(new Ellipse2D.Double(cx - r, cy - r, 2 * r, 2 * r));
    }
}
