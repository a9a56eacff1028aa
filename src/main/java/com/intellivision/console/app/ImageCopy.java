package com.intellivision.console.app;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Copies a job's image to the file people asked for. A server makes its images in its own format, so
 * an image whose format differs from the file's name (a server's JPEG for {@code out.png}) is
 * converted rather than copied, and the file always holds what its name says.
 */
final class ImageCopy {

    private ImageCopy() {}

    /** "png" or "jpg" for a file name the commands can write, otherwise null. */
    static String formatOf(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".png")) {
            return "png";
        }
        return name.endsWith(".jpg") || name.endsWith(".jpeg") ? "jpg" : null;
    }

    static void copy(Path image, Path target) throws IOException {
        String wanted = formatOf(target);
        Path folder = target.toAbsolutePath().getParent();
        if (!Files.isDirectory(folder)) {
            throw new IOException("Could not write the image to " + target + ": there is no folder " + folder + ".");
        }
        if (!Files.isRegularFile(image)) {
            throw new IOException("Could not write the image to " + target + ": the job's image " + image + " is no longer there.");
        }
        try {
            if (wanted == null || wanted.equals(formatOf(image))) {
                Files.copy(image, target, StandardCopyOption.REPLACE_EXISTING);
                return;
            }
            BufferedImage read = ImageIO.read(image.toFile());
            if (read == null) {
                throw new IOException("the job's image " + image + " is in a format that cannot be converted to " + wanted);
            }
            if (!ImageIO.write(wanted.equals("jpg") ? withoutAlpha(read) : read, wanted, target.toFile())) {
                throw new IOException("no " + wanted + " writer is available");
            }
        } catch (IOException failed) {
            throw new IOException("Could not write the image to " + target + ": " + reasonOf(failed), failed);
        }
    }

    /** JPEG has no transparency. */
    private static BufferedImage withoutAlpha(BufferedImage image) {
        if (!image.getColorModel().hasAlpha()) {
            return image;
        }
        BufferedImage opaque = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = opaque.createGraphics();
        try {
            graphics.drawImage(image, 0, 0, Color.WHITE, null);
        } finally {
            graphics.dispose();
        }
        return opaque;
    }

    private static String reasonOf(IOException failed) {
        return failed.getMessage() == null ? failed.getClass().getSimpleName() : failed.getMessage();
    }
}
