package org.imisfhir.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.imisfhir.outcome.ImisRuleException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportDirectoryTest {

	@TempDir
	Path root;

	@Test
	void readsTheTableFilesOnlyAndOnlyUnderTheAllowedDirectory() throws Exception {
		Path exports = Files.createDirectories(root.resolve("exports/district-1"));
		Files.writeString(exports.resolve("tblLocations.csv"), "LocationId,LocationCode\n1,R\n");
		Files.writeString(exports.resolve("TBLINSUREE.CSV"), "InsureeID,CHFID\n1,100\n");
		Files.writeString(exports.resolve("notes.txt"), "not a table");
		Files.writeString(exports.resolve("tblUsers.csv"), "UserID\n1\n");

		Path allowed = ExportDirectory.allowed(exports.toString(), root.resolve("exports").toString());
		assertThat(ExportDirectory.read(allowed)).containsOnlyKeys("tblLocations.csv", "TBLINSUREE.CSV");

		Path elsewhere = Files.createDirectories(root.resolve("elsewhere"));
		assertThatThrownBy(() -> ExportDirectory.allowed(elsewhere.toString(), root.resolve("exports").toString()))
				.isInstanceOf(ImisRuleException.class);
		// climbing out with .. is resolved before the check
		assertThatThrownBy(() -> ExportDirectory.allowed(root.resolve("exports/../elsewhere").toString(), root.resolve("exports").toString()))
				.isInstanceOf(ImisRuleException.class);
		// no allowed directory configured: never
		assertThatThrownBy(() -> ExportDirectory.allowed(exports.toString(), "")).isInstanceOf(ImisRuleException.class);
		assertThatThrownBy(() -> ExportDirectory.read(elsewhere)).isInstanceOf(ImisRuleException.class);
	}
}
