package dev.grader.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void aParseErrorIsOneLineWithoutJacksonsSourceExcerpt() {
        JsonProcessingException e = assertThrows(JsonProcessingException.class,
                () -> Json.mapper().readTree("{\"id\": \"Q1\",\n \"question\": \"x\""));
        assertEquals("Unexpected end-of-input: expected close marker for Object", Json.problem(e));
    }
}
