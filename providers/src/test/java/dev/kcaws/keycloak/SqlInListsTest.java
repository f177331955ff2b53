package dev.kcaws.keycloak;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class SqlInListsTest {

    @Test
    void distinctIdsInTheirFirstOrderInPiecesOfAtMostTheCap() {
        List<String> ids = new ArrayList<>(IntStream.range(0, 1_201).mapToObj(i -> "id" + i).toList());
        ids.add(0, "id7"); // a repeat: counted once, where it first stands
        List<List<String>> chunks = SqlInLists.chunks(ids);
        assertThat(chunks).extracting(List::size).containsExactly(SqlInLists.MAX, SqlInLists.MAX, 201);
        assertThat(chunks.get(0).subList(0, 3)).containsExactly("id7", "id0", "id1");
        assertThat(chunks.stream().flatMap(List::stream)).doesNotHaveDuplicates().hasSize(1_201);
    }

    @Test
    void noIdsNoStatement() {
        assertThat(SqlInLists.chunks(List.of())).isEmpty();
    }
}
