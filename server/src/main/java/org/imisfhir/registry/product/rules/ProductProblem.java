package org.imisfhir.registry.product.rules;

import java.util.List;
import java.util.Objects;

/** One reason a product is contradictory, with the values its message shows. */
public record ProductProblem(ProductViolation violation, List<Object> arguments) {

	public ProductProblem {
		Objects.requireNonNull(violation, "violation");
		arguments = List.copyOf(arguments);
	}

	public static ProductProblem of(ProductViolation violation, Object... arguments) {
		return new ProductProblem(violation, List.of(arguments));
	}
}
