package dev.grader.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DollarsTest {

    @Test
    void significantDigitsBelowADollarCentsAbove() {
        assertEquals("$0.000027", Dollars.format(2.7e-05));
        assertEquals("$0.0218", Dollars.format(0.021801));
        assertEquals("$0.123", Dollars.format(0.12345));
        assertEquals("$1.00", Dollars.format(0.9996));
        assertEquals("$12.35", Dollars.format(12.345));
        assertEquals("$1,234.50", Dollars.format(1234.5));
    }

    @Test
    void nothingIsZeroDollars() {
        assertEquals("$0", Dollars.format(0));
        assertEquals("$0", Dollars.format(-1));
        assertEquals("$0", Dollars.format(Double.NaN));
    }
}
