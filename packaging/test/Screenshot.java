import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.Toolkit;
import java.awt.image.BufferedImage;
import java.io.File;
import java.util.HashSet;
import javax.imageio.ImageIO;

/**
 * Saves the X display as a PNG once a window has drawn on it: {@code java Screenshot OUT.png [SECONDS]}. A
 * freshly mapped window is one flat colour until its first frame, so the screen is captured every second until it
 * shows more than a few colours (or the time is up, which fails). Part of the install test, not of what is installed.
 */
public final class Screenshot {
    private static final int ENOUGH_COLOURS = 32;

    public static void main(String[] args) throws Exception {
        var out = new File(args[0]);
        long deadline = System.nanoTime() + Long.parseLong(args.length > 1 ? args[1] : "60") * 1_000_000_000L;
        var robot = new Robot();
        var screen = new Rectangle(Toolkit.getDefaultToolkit().getScreenSize());
        while (true) {
            var image = robot.createScreenCapture(screen);
            int colours = colours(image);
            if (colours >= ENOUGH_COLOURS || System.nanoTime() > deadline) {
                ImageIO.write(image, "png", out);
                if (colours < ENOUGH_COLOURS) {
                    System.err.println("the screen still shows only " + colours + " colours: " + out);
                    System.exit(1);
                }
                System.out.println("screenshot with " + colours + "+ colours: " + out);
                return;
            }
            Thread.sleep(1000);
        }
    }

    private static int colours(BufferedImage image) {
        var seen = new HashSet<Integer>();
        for (int y = 0; y < image.getHeight(); y += 3) {
            for (int x = 0; x < image.getWidth(); x += 3) {
                seen.add(image.getRGB(x, y));
                if (seen.size() >= ENOUGH_COLOURS) {
                    return seen.size();
                }
            }
        }
        return seen.size();
    }
}
