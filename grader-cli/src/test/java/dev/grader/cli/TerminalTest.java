package dev.grader.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    @Test
    void colourOnlyOnATerminalThatShowsIt() {
        assertTrue(Terminal.colorAllowed(true, false, null, "xterm-256color"));
        assertFalse(Terminal.colorAllowed(false, false, null, "xterm-256color"), "not a terminal");
        assertFalse(Terminal.colorAllowed(true, true, null, "xterm"), "--no-color");
        assertFalse(Terminal.colorAllowed(true, false, "1", "xterm"), "NO_COLOR");
        assertFalse(Terminal.colorAllowed(true, false, null, "dumb"), "TERM=dumb");
    }
}
