package org.imisfhir.payment;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PaymentReportsTest {

	@Test
	void theTotalRowIsTheSumOfTheRowsToTheCent() {
		// 1,562.24 + 30.12 = 1,592.36 (health centre); 10.04 + 98.63 capitation = 108.67 (dispensary)
		List<PaymentReports.Line> lines = List.of(
				new PaymentReports.Line("RTHC001", "Rapta Health Centre", "ACC-RTHC001", "RP1", "REM-RP1", 2,
						new BigDecimal("18000.00"), new BigDecimal("12800.00"), new BigDecimal("1592.36"), new BigDecimal("0.00"), "B=0.0502"),
				new PaymentReports.Line("RTDI001", "Rapta Dispensary, Rapta", "ACC-RTDI001", "RP1", "REM-RP1", 1,
						new BigDecimal("500.00"), new BigDecimal("200.00"), new BigDecimal("10.04"), new BigDecimal("98.63"), "B=0.0502"));

		List<String> csv = PaymentReports.exportCsv("42", "2026-11", lines).lines().toList();

		assertThat(csv).containsExactly(
				PaymentReports.EXPORT_HEADER,
				"42,2026-11,RTHC001,Rapta Health Centre,ACC-RTHC001,RP1,REM-RP1,2,18000.00,12800.00,1592.36,0.00,1592.36",
				"42,2026-11,RTDI001,\"Rapta Dispensary, Rapta\",ACC-RTDI001,RP1,REM-RP1,1,500.00,200.00,10.04,98.63,108.67",
				"42,2026-11,TOTAL,,,,,3,18500.00,13000.00,1602.40,98.63,1701.03");
	}

	@Test
	void theReportShowsTheIndexUsed() {
		List<PaymentReports.Line> lines = List.of(new PaymentReports.Line("RTHC001", "Rapta Health Centre", null, "RP1", null, 2,
				new BigDecimal("18000.00"), new BigDecimal("12800.00"), new BigDecimal("1592.36"), new BigDecimal("0.00"), "B=0.0502"));

		assertThat(PaymentReports.reportCsv(lines).lines().toList()).containsExactly(
				PaymentReports.REPORT_HEADER,
				"RTHC001,Rapta Health Centre,RP1,B=0.0502,2,18000.00,12800.00,1592.36,0.00");
	}
}
