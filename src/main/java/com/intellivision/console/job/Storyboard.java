package com.intellivision.console.job;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Optional;

/**
 * A video's storyboard, as YouTube publishes it: sprite sheets of small thumbnails in a grid, each
 * sheet covering the next stretch of the video. Good for a scrub bar: any moment has a picture at once.
 *
 * @param sheets in order; each covers {@code rows * columns} tiles
 * @param fps tiles per second of video
 */
public record Storyboard(
        List<Sheet> sheets,
        int rows,
        int columns,
        @JsonProperty("tile_width") int tileWidth,
        @JsonProperty("tile_height") int tileHeight,
        double fps) {

    /** One sprite sheet and the seconds of video it covers. */
    public record Sheet(String url, double duration) {}

    /** Where the picture of one moment is: a sheet, and the rectangle of its tile. */
    public record Tile(String sheetUrl, int x, int y, int width, int height) {}

    public Storyboard {
        sheets = List.copyOf(sheets);
    }

    /** The seconds of video its sheets cover. */
    public double coveredSeconds() {
        return sheets.stream().mapToDouble(Sheet::duration).sum();
    }

    /** Whether it can picture any moment: sheets, a grid and a rate, covering some of the video. */
    public boolean isUsable() {
        return !sheets.isEmpty() && rows > 0 && columns > 0 && fps > 0 && coveredSeconds() > 0;
    }

    /** The tile showing the moment {@code seconds} into the video; empty past the last sheet. */
    public Optional<Tile> tileAt(double seconds) {
        double start = 0;
        for (Sheet sheet : sheets) {
            if (seconds < start + sheet.duration()) {
                int index = Math.min(rows * columns - 1, (int) Math.floor((seconds - start) * fps));
                int row = index / columns;
                int column = index % columns;
                return Optional.of(new Tile(sheet.url(), column * tileWidth, row * tileHeight, tileWidth, tileHeight));
            }
            start += sheet.duration();
        }
        return Optional.empty();
    }
}
