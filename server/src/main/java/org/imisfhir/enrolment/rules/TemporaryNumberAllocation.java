package org.imisfhir.enrolment.rules;

/**
 * Where the next block of temporary numbers starts and ends: right after the highest sequence allocated so far,
 * so blocks never overlap and a number is never handed out twice.
 */
public final class TemporaryNumberAllocation {

	/** Why a block cannot be allocated. */
	public enum Refusal { COUNT_OUT_OF_RANGE, EXHAUSTED }

	/** The block, or the refusal. */
	public record Result(TemporaryNumberBlock block, Refusal refusal) {}

	private final TemporaryNumberFormat format;
	private final int maxBlock;

	public TemporaryNumberAllocation(TemporaryNumberFormat format, int maxBlock) {
		this.format = format;
		this.maxBlock = maxBlock;
	}

	public int maxBlock() {
		return maxBlock;
	}

	/**
	 * @param highestAllocated the last sequence of the latest block, 0 when none was allocated
	 */
	public Result next(long highestAllocated, int count, String officer, String device) {
		if (count < 1 || count > maxBlock) {
			return new Result(null, Refusal.COUNT_OUT_OF_RANGE);
		}
		long first = highestAllocated + 1;
		long last = highestAllocated + count;
		if (last > format.maxSequence()) {
			return new Result(null, Refusal.EXHAUSTED);
		}
		return new Result(new TemporaryNumberBlock(officer, device, first, last), null);
	}
}
