package com.intellivision.console.media;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImageEncoderTest {

    @ParameterizedTest
    @CsvSource({"100, 2", "1, 31", "92, 4", "50, 17"})
    void mapsJpegQualityOntoFfmpegsScale(int quality, int qscale) {
        assertThat(ImageEncoder.qscale(quality)).isEqualTo(qscale);
    }
}
