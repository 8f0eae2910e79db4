package org.imisfhir.conformance.pkg;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Downloads the conformance package (public, like the CapabilityStatement that points to it). */
@RestController
public class ConformancePackageController {

	private final ConformancePackage conformancePackage;

	public ConformancePackageController(ConformancePackage conformancePackage) {
		this.conformancePackage = conformancePackage;
	}

	@GetMapping(ConformancePackage.DOWNLOAD_PATH)
	public ResponseEntity<byte[]> download() {
		return conformancePackage.bytes()
				.map(bytes -> ResponseEntity.ok()
						.contentType(MediaType.parseMediaType("application/gzip"))
						.header(HttpHeaders.CONTENT_DISPOSITION,
								"attachment; filename=\"" + ConformancePackageBuilder.PACKAGE_ID + ".tgz\"")
						.body(bytes))
				.orElseGet(() -> ResponseEntity.notFound().build());
	}
}
