package io.github.camelloganalytics.dsl;

import org.apache.camel.Component;

/**
 * Camel's {@link org.apache.camel.builder.component.ComponentBuilder} under the name the generated Component DSL
 * of this project refers to: camel-package-maven-plugin takes a component DSL's base types from the package its
 * {@link ComponentsBuilderFactory} is generated into, and that package is this project's own, so that it cannot
 * clash with camel-componentdsl's. A {@code loganalytics()} builder is usable wherever Camel expects its type.
 *
 * @param <C> the component built
 */
public interface ComponentBuilder<C extends Component> extends org.apache.camel.builder.component.ComponentBuilder<C> {
}
