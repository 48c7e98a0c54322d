package dev.grader.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TerminalTest {

    @Test
    void widthFollowsColumnsWithinSensibleBounds() {
        assertEquals(80, Terminal.columns("80"));
        assertEquals(100, Terminal.columns("250"));
        assertEquals(40, Terminal.columns("12"));
        assertEquals(100, Terminal.columns(null));
        assertEquals(100, Terminal.columns("wide"));
        assertEquals(100, Terminal.columns("0"));
    }

    @Test
    void plainIsColourlessAtTheMaximumWidth() {
        assertEquals(new Terminal(false, 100), Terminal.plain());
    }
}
