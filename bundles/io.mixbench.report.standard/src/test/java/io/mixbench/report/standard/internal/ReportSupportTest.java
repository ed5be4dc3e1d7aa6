package io.mixbench.report.standard.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mixbench.meter.Units;
import org.junit.jupiter.api.Test;

class ReportSupportTest {

    @Test
    void valuesShowOneDecimalAndWholeCountsAsWholeNumbers() {
        assertEquals("-6.3 dBFS", ReportSupport.withUnit(-6.25, Units.DBFS));
        assertEquals("0.0 dB", ReportSupport.withUnit(-0.01, Units.DB));
        assertEquals("4 count", ReportSupport.withUnit(4, Units.COUNT));
        assertEquals("2.5 count", ReportSupport.withUnit(2.5, Units.COUNT));
        assertEquals("4.0", ReportSupport.withUnit(4, null));
    }

    @Test
    void aReportIsNamedAfterTheSessionFolderOrAMixCheckedAlone() {
        assertEquals(Fixtures.ROOT.getFileName().toString(), ReportSupport.sessionName(Fixtures.withMix().session()));
        assertEquals("Mix", ReportSupport.sessionName(Fixtures.mixOnly().session()));
    }
}
