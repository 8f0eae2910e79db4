package org.imisfhir.audit;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Audit trail settings under {@code imis.audit.*}; documented in docs/configuration.md. */
@ConfigurationProperties(prefix = "imis.audit")
public class AuditProperties {

	/** Write an AuditEvent for every write and business operation. */
	private boolean enabled = true;
	/** Write a Provenance for every change of money or eligibility (with the audit trail only). */
	private boolean provenance = true;
	/** Records waiting to be stored at most; when full, requests wait for the writer. */
	private int queueCapacity = 10_000;
	/** AuditEvents stored per database transaction at most. */
	private int batchSize = 200;
	/** How long the writer waits for more records before it stores what it has, in milliseconds. */
	private long flushIntervalMs = 200;

	public boolean isEnabled() {
		return enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public boolean isProvenance() {
		return provenance;
	}

	public void setProvenance(boolean provenance) {
		this.provenance = provenance;
	}

	public int getQueueCapacity() {
		return queueCapacity;
	}

	public void setQueueCapacity(int queueCapacity) {
		this.queueCapacity = queueCapacity;
	}

	public int getBatchSize() {
		return batchSize;
	}

	public void setBatchSize(int batchSize) {
		this.batchSize = batchSize;
	}

	public long getFlushIntervalMs() {
		return flushIntervalMs;
	}

	public void setFlushIntervalMs(long flushIntervalMs) {
		this.flushIntervalMs = flushIntervalMs;
	}
}
