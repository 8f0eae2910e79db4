package org.imisfhir.registry.catalogue;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.r4.model.DomainResource;
import org.imisfhir.registry.catalogue.rules.RowOutcome;
import org.imisfhir.registry.catalogue.rules.RowReport;

/**
 * Writes the service and item rows of a catalogue import in chunks of {@code imis.registry.import-chunk-size}, one
 * transaction each, up to {@code imis.registry.import-threads} chunks at the same time.
 */
final class CatalogueChunkWriter {

	private final CatalogueStore store;
	private final int chunkSize;
	private final int threads;

	CatalogueChunkWriter(CatalogueStore store, int chunkSize, int threads) {
		this.store = store;
		this.chunkSize = chunkSize;
		this.threads = threads;
	}

	/** A row ready to be written: its line, its code and the resource it gives. */
	record Row(int line, String code, DomainResource resource) {}

	/** The rows of one import: their code system, id prefix, the report's language, their validated shapes. */
	record Batch(String system, String idPrefix, Locale locale, RowShapes shapes) {}

	/**
	 * Writes the rows chunk by chunk: the stored resources of a chunk's codes are read with one search, unchanged
	 * rows are not written, and the others are written in one transaction. A chunk never holds the same code
	 * twice, so a repeated code is matched against what the earlier row wrote, as when rows are written one by one.
	 */
	List<RowReport> writeInChunks(List<Row> rows, Batch batch) {
		List<List<Row>> chunks = new ArrayList<>();
		List<Row> chunk = new ArrayList<>();
		Set<String> codes = new HashSet<>();
		Set<String> seen = new HashSet<>();
		boolean repeated = false;
		for (Row row : rows) {
			repeated |= !seen.add(String.valueOf(row.code()));
			if (chunk.size() >= chunkSize || !codes.add(row.code())) {
				chunks.add(chunk);
				chunk = new ArrayList<>();
				codes.clear();
				codes.add(row.code());
			}
			chunk.add(row);
		}
		if (!chunk.isEmpty()) {
			chunks.add(chunk);
		}
		// Chunks of distinct codes do not read what another writes, so they can be written side by side; a code
		// that repeats must see what its earlier row wrote, so such a file is written chunk after chunk.
		if (repeated || threads == 1 || chunks.size() <= 1) {
			List<RowReport> reports = new ArrayList<>();
			for (List<Row> each : chunks) {
				reports.addAll(writeChunk(each, batch));
			}
			return reports;
		}
		return writeSideBySide(chunks, batch);
	}

	private List<RowReport> writeSideBySide(List<List<Row>> chunks, Batch batch) {
		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(
				Math.min(threads, chunks.size()), runnable -> {
					Thread thread = new Thread(runnable, "imis-catalogue-import");
					thread.setDaemon(true);
					return thread;
				});
		try {
			List<java.util.concurrent.Future<List<RowReport>>> written = new ArrayList<>();
			for (List<Row> each : chunks) {
				written.add(pool.submit(() -> writeChunk(each, batch)));
			}
			List<RowReport> reports = new ArrayList<>();
			for (java.util.concurrent.Future<List<RowReport>> future : written) {
				reports.addAll(future.get());
			}
			return reports;
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("catalogue import interrupted", e);
		} catch (java.util.concurrent.ExecutionException e) {
			if (e.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new IllegalStateException(e.getCause());
		} finally {
			pool.shutdownNow();
		}
	}

	private List<RowReport> writeChunk(List<Row> chunk, Batch batch) {
		Class<? extends DomainResource> type = chunk.get(0).resource().getClass();
		Map<String, ? extends DomainResource> stored =
				store.findByCodes(type, batch.system(), chunk.stream().map(Row::code).toList());
		List<RowReport> reports = new ArrayList<>();
		List<Row> toWrite = new ArrayList<>();
		List<CatalogueStore.Planned> plans = new ArrayList<>();
		for (Row row : chunk) {
			CatalogueStore.Planned planned = store.plan(row.resource(), stored.get(row.code()), batch.system(), batch.idPrefix());
			if (planned.outcome() == RowOutcome.UNCHANGED) {
				reports.add(new RowReport(row.line(), row.code(), RowOutcome.UNCHANGED, planned.resource(), null));
			} else {
				toWrite.add(row);
				plans.add(planned);
			}
		}
		reports.addAll(writeTogether(toWrite, plans, batch));
		return reports;
	}

	/**
	 * Writes the rows in one transaction; when one of them is refused, nothing of it is kept and each half is
	 * written again on its own, down to the single row whose refusal is reported. The other rows are written.
	 */
	private List<RowReport> writeTogether(List<Row> rows, List<CatalogueStore.Planned> plans, Batch batch) {
		if (rows.isEmpty()) {
			return List.of();
		}
		try {
			List<String> written = store.writeTogether(rows.stream().map(Row::resource).toList(), batch.shapes());
			List<RowReport> reports = new ArrayList<>(rows.size());
			for (int i = 0; i < rows.size(); i++) {
				reports.add(new RowReport(rows.get(i).line(), rows.get(i).code(), plans.get(i).outcome(), written.get(i), null));
			}
			return reports;
		} catch (BaseServerResponseException e) {
			if (rows.size() == 1) {
				Row row = rows.get(0);
				return List.of(RowReport.refused(row.line(), row.code() == null ? "" : row.code(), RowRefusals.reason(e, batch.locale())));
			}
			int half = rows.size() / 2;
			List<RowReport> reports = new ArrayList<>(writeTogether(rows.subList(0, half), plans.subList(0, half), batch));
			reports.addAll(writeTogether(rows.subList(half, rows.size()), plans.subList(half, rows.size()), batch));
			return reports;
		}
	}
}
