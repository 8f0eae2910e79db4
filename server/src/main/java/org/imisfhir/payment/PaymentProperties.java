package org.imisfhir.payment;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Settings of the batch run under {@code imis.payment.*} (documented in docs/configuration.md). */
@ConfigurationProperties(prefix = "imis.payment")
public class PaymentProperties {

	/** Claims remunerated in one work chunk (one database transaction). */
	private int chunkSize = 200;

	/**
	 * How often (milliseconds) a node with a batch run under way asks the job framework to move it on, instead of
	 * waiting for its once-a-minute maintenance pass.
	 */
	private long pollMillis = 1000;

	/**
	 * A run whose Task and job have not changed for this long (seconds) is taken as stalled, its node having stopped:
	 * its unfinished chunks are handed out again (see {@link BatchRunRecovery}).
	 */
	private int stallSeconds = 600;

	public int getChunkSize() {
		return chunkSize;
	}

	public void setChunkSize(int chunkSize) {
		this.chunkSize = Math.max(1, chunkSize);
	}

	public long getPollMillis() {
		return pollMillis;
	}

	public void setPollMillis(long pollMillis) {
		this.pollMillis = pollMillis;
	}

	public int getStallSeconds() {
		return stallSeconds;
	}

	public void setStallSeconds(int stallSeconds) {
		this.stallSeconds = Math.max(1, stallSeconds);
	}
}
