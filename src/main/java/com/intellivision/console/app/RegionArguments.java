package com.intellivision.console.app;

import com.intellivision.console.job.EmergencyLines;
import com.intellivision.console.job.LobbyZones;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** The lines, zones and frame size of {@code submit}, as they are typed, in the video's own pixels. */
final class RegionArguments {

    private RegionArguments() {}

    /** The size of the frame the lines or zones were drawn on. */
    record VideoSize(int width, int height) {}

    /** {@code WxH}, such as {@code 1280x720}. */
    static final class VideoSizes implements ITypeConverter<VideoSize> {
        @Override
        public VideoSize convert(String typed) {
            String[] sides = typed.strip().split("[xX×]");
            if (sides.length != 2) {
                throw new TypeConversionException("'" + typed + "' is not a frame size WIDTHxHEIGHT, such as 1280x720");
            }
            return new VideoSize(whole(sides[0], typed), whole(sides[1], typed));
        }

        private static int whole(String side, String typed) {
            try {
                int pixels = Integer.parseInt(side.strip());
                if (pixels > 0) {
                    return pixels;
                }
            } catch (NumberFormatException notANumber) {
                // Said below, with the whole size.
            }
            throw new TypeConversionException("'" + typed + "' is not a frame size WIDTHxHEIGHT in whole pixels, such as 1280x720");
        }
    }

    /** {@code X1,Y1,X2,Y2}: from one point to another. */
    static final class Lines implements ITypeConverter<EmergencyLines.Line> {
        @Override
        public EmergencyLines.Line convert(String typed) {
            double[] ends = numbers(typed, ",", "'" + typed + "' is not a line X1,Y1,X2,Y2, such as 0,360,1280,360");
            if (ends.length != 4) {
                throw new TypeConversionException("'" + typed + "' is not a line X1,Y1,X2,Y2: it needs four numbers, not " + ends.length);
            }
            return new EmergencyLines.Line(ends[0], ends[1], ends[2], ends[3]);
        }
    }

    /** {@code NAME:X,Y;X,Y;X,Y@THRESHOLD}: a named polygon, alerting above THRESHOLD people. */
    static final class Zones implements ITypeConverter<LobbyZones.Zone> {
        @Override
        public LobbyZones.Zone convert(String typed) {
            String format = "'" + typed + "' is not a zone NAME:X,Y;X,Y;X,Y@THRESHOLD, such as 'entrance:0,0;640,0;640,360@5'";
            int colon = typed.indexOf(':');
            int at = typed.lastIndexOf('@');
            if (colon < 1 || at < colon) {
                throw new TypeConversionException(format);
            }
            List<LobbyZones.Point> points = new ArrayList<>();
            for (String point : typed.substring(colon + 1, at).split(";")) {
                double[] xy = numbers(point, ",", format);
                if (xy.length != 2) {
                    throw new TypeConversionException(format + ": '" + point.strip() + "' is not a point X,Y");
                }
                points.add(new LobbyZones.Point(xy[0], xy[1]));
            }
            try {
                return new LobbyZones.Zone(typed.substring(0, colon).strip(), points, Integer.parseInt(typed.substring(at + 1).strip()));
            } catch (NumberFormatException notANumber) {
                throw new TypeConversionException(format + ": the threshold after '@' is a whole number of people");
            }
        }
    }

    private static double[] numbers(String typed, String separator, String problem) {
        String[] parts = typed.strip().split(separator, -1);
        double[] numbers = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                numbers[i] = Double.parseDouble(parts[i].strip());
            } catch (NumberFormatException notANumber) {
                throw new TypeConversionException(problem);
            }
            if (!Double.isFinite(numbers[i])) {
                throw new TypeConversionException(problem);
            }
        }
        return numbers;
    }
}
