package org.imisfhir.migration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.imisfhir.migration.rules.LegacyTable;
import org.imisfhir.migration.rules.MigrationViolation;
import org.imisfhir.outcome.ImisRuleException;

/** The CSV extracts in a directory: one file per table, named after it (tblInsuree.csv); other files are ignored. */
public final class ExportDirectory {

	private ExportDirectory() {}

	public static Map<String, String> read(Path directory) {
		if (!Files.isDirectory(directory)) {
			throw ImisRuleException.businessRule(MigrationViolation.EXPORT_FORMAT, "no directory " + directory);
		}
		Map<String, String> tables = new LinkedHashMap<>();
		try (Stream<Path> files = Files.list(directory)) {
			for (Path file : files.sorted().toList()) {
				String name = file.getFileName().toString();
				if (name.toLowerCase().endsWith(".csv") && LegacyTable.byName(name).isPresent()) {
					tables.put(name, Files.readString(file, StandardCharsets.UTF_8));
				}
			}
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		if (tables.isEmpty()) {
			throw ImisRuleException.businessRule(MigrationViolation.NO_TABLE, directory.toString());
		}
		return tables;
	}

	/** The directory, if it lies under the allowed one (both resolved, links followed); refused otherwise. */
	public static Path allowed(String requested, String allowedDirectory) {
		try {
			if (allowedDirectory == null || allowedDirectory.isBlank()) {
				throw ImisRuleException.businessRule(MigrationViolation.DIRECTORY_NOT_ALLOWED, requested);
			}
			Path allowed = Path.of(allowedDirectory).toRealPath();
			Path path = Path.of(requested).toRealPath();
			if (!path.startsWith(allowed)) {
				throw ImisRuleException.businessRule(MigrationViolation.DIRECTORY_NOT_ALLOWED, requested);
			}
			return path;
		} catch (IOException | java.nio.file.InvalidPathException e) {
			throw ImisRuleException.businessRule(MigrationViolation.DIRECTORY_NOT_ALLOWED, requested);
		}
	}
}
