package org.imisfhir.export;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Settings of the bulk export under {@code imis.bulk-export.*} (documented in docs/configuration.md). */
@ConfigurationProperties(prefix = "imis.bulk-export")
public class BulkExportProperties {

	/** Whether {@code $export} and {@code $export-poll-status} are offered at all. */
	private boolean enabled = true;

	/** Hours an export's files (Binary) are kept after the export completed, then deleted. */
	private int fileRetentionHours = 24;

	/** Resources written to one NDJSON file at most; a larger export has several files per type. */
	private int maxResourcesPerFile = 1000;

	/** Size of one NDJSON file at most, in megabytes. */
	private int maxFileSizeMb = 100;

	/**
	 * Whether the same request by the same user, while an earlier export of it is kept, answers that export again
	 * instead of starting another one. A client wanting fresh data sends {@code Cache-Control: no-cache}.
	 */
	private boolean reuseJobs = true;

	/** How often (milliseconds) a node with an export under way asks the job framework to move it on. */
	private long pollMillis = 1000;

	public long getPollMillis() {
		return pollMillis;
	}

	public void setPollMillis(long pollMillis) {
		this.pollMillis = Math.max(100, pollMillis);
	}

	public boolean isEnabled() {
		return enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public int getFileRetentionHours() {
		return fileRetentionHours;
	}

	public void setFileRetentionHours(int fileRetentionHours) {
		this.fileRetentionHours = Math.max(1, fileRetentionHours);
	}

	public int getMaxResourcesPerFile() {
		return maxResourcesPerFile;
	}

	public void setMaxResourcesPerFile(int maxResourcesPerFile) {
		this.maxResourcesPerFile = Math.max(1, maxResourcesPerFile);
	}

	public int getMaxFileSizeMb() {
		return maxFileSizeMb;
	}

	public void setMaxFileSizeMb(int maxFileSizeMb) {
		this.maxFileSizeMb = Math.max(1, maxFileSizeMb);
	}

	public boolean isReuseJobs() {
		return reuseJobs;
	}

	public void setReuseJobs(boolean reuseJobs) {
		this.reuseJobs = reuseJobs;
	}
}
