package io.github.camelloganalytics.dsl;

import org.apache.camel.Component;

/**
 * Camel's {@link org.apache.camel.builder.component.AbstractComponentBuilder} under the name the generated
 * Component DSL of this project refers to (see {@link ComponentBuilder} for why it has a name here).
 *
 * @param <C> the component built
 */
public abstract class AbstractComponentBuilder<C extends Component>
        extends org.apache.camel.builder.component.AbstractComponentBuilder<C> {
}
