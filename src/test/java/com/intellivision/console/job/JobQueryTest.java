package com.intellivision.console.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class JobQueryTest {

    @Test
    void aWordIsItsPiecesOfLettersAndDigits() {
        assertThat(JobQuery.text("youtube.com/watch?v=dQw4w9 failed").words())
                .containsExactly(List.of("youtube", "com", "watch", "v", "dQw4w9"), List.of("failed"));
        assertThat(JobQuery.text("  people-count\t\n12 ").words()).containsExactly(List.of("people", "count"), List.of("12"));
    }

    @Test
    void syntaxOnlySeparatesAndAWordWithoutLettersOrDigitsIsLeftOut() {
        assertThat(JobQuery.text("\"a:b\" (c*) -d ^e NEAR").words())
                .containsExactly(List.of("a", "b"), List.of("c"), List.of("d"), List.of("e"), List.of("NEAR"));
        assertThat(JobQuery.text("\" * : ( ) - ^ \u0301 \u0000").words()).isEmpty();
        assertThat(JobQuery.text("\" * :").hasWords()).isFalse();
        assertThat(JobQuery.text("").hasWords()).isFalse();
        assertThat(JobQuery.text(null).text()).isEmpty();
    }

    @Test
    void lettersOfEveryScriptAndTheirAccentsStayTogether() {
        assertThat(JobQuery.text("café cafe\u0301 日本語 Ünïcödé ½").words())
                .containsExactly(List.of("café"), List.of("cafe\u0301"), List.of("日本語"), List.of("Ünïcödé"), List.of("½"));
    }

    @Test
    void eachWordCountsOnce() {
        assertThat(JobQuery.text("a a b a").words()).containsExactly(List.of("a"), List.of("b"));
    }

    @Test
    void filtersAreKeptAsGivenAndALimitIsPositive() {
        JobQuery query = JobQuery.text("x").withStatuses(JobStatus.FAILED).withTypes(JobType.PEOPLE_COUNT).deadLetters(true).withLimit(3);

        assertThat(query.statuses()).containsExactly(JobStatus.FAILED);
        assertThat(query.types()).containsExactly(JobType.PEOPLE_COUNT);
        assertThat(query.deadLettersOnly()).isTrue();
        assertThat(query.limit()).isEqualTo(3);
        assertThat(JobQuery.all().limit()).isEqualTo(JobQuery.DEFAULT_LIMIT);
        assertThatThrownBy(() -> JobQuery.all().withLimit(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
