package org.imisfhir.payment;

import ca.uhn.fhir.model.api.IModelJson;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the batch-run job keeps between its steps (stored as JSON by the job framework, so a restart resumes). */
public final class BatchRunJson {

	private BatchRunJson() {}

	/** The run's parameters: the Task that represents it, the month and the location (null: national). */
	public static class Parameters implements IModelJson {
		@JsonProperty("taskId")
		public String taskId;
		@JsonProperty("year")
		public int year;
		@JsonProperty("month")
		public int month;
		@JsonProperty("location")
		public String location;
		@JsonProperty("chunkSize")
		public int chunkSize;

		public Parameters() {}

		public Parameters(String taskId, int year, int month, String location, int chunkSize) {
			this.taskId = taskId;
			this.year = year;
			this.month = month;
			this.location = location;
			this.chunkSize = chunkSize;
		}
	}

	/** Claims to remunerate together, with the relative indexes of the run: product code -> care type (B/I/O) -> index. */
	public static class ClaimChunk implements IModelJson {
		@JsonProperty("claims")
		public List<String> claims = new ArrayList<>();
		@JsonProperty("indexes")
		public Map<String, Map<String, BigDecimal>> indexes = new LinkedHashMap<>();
		@JsonProperty("relativeSides")
		public Map<String, List<String>> relativeSides = new LinkedHashMap<>();
	}

	/** What one chunk remunerated: one row per claim, for the statements. */
	public static class Remunerated implements IModelJson {
		@JsonProperty("rows")
		public List<Row> rows = new ArrayList<>();
	}

	/** A remunerated claim as the statement needs it. */
	public static class Row implements IModelJson {
		@JsonProperty("claim")
		public String claim;
		@JsonProperty("code")
		public String code;
		@JsonProperty("facility")
		public String facility;
		@JsonProperty("product")
		public String product;
		@JsonProperty("careType")
		public String careType;
		@JsonProperty("claimed")
		public BigDecimal claimed;
		@JsonProperty("approved")
		public BigDecimal approved;
		@JsonProperty("remunerated")
		public BigDecimal remunerated;
		@JsonProperty("index")
		public BigDecimal index;
	}

	/** The job's report: how many claims and statements, and the total paid. */
	public static class Summary implements IModelJson {
		@JsonProperty("claims")
		public int claims;
		@JsonProperty("statements")
		public int statements;
		@JsonProperty("total")
		public BigDecimal total;
	}
}
