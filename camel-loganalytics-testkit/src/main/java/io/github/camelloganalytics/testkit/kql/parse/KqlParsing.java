package io.github.camelloganalytics.testkit.kql.parse;

import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;

import io.github.camelloganalytics.testkit.kql.KqlSyntaxException;
import io.github.camelloganalytics.testkit.kql.grammar.KqlLexer;
import io.github.camelloganalytics.testkit.kql.grammar.KqlParser;

/**
 * Parses KQL text with the generated parser; the first error ends the parse as a {@link KqlSyntaxException} naming
 * the token, its line and position, in the service's words.
 */
public final class KqlParsing {

    private KqlParsing() {
    }

    /**
     * @param  query the KQL text
     * @return       the parse tree of the whole query
     * @throws KqlSyntaxException when the text is not KQL
     */
    public static KqlParser.QueryContext parse(String query) {
        KqlLexer lexer = new KqlLexer(CharStreams.fromString(query));
        lexer.removeErrorListeners();
        CommonTokenStream tokens = new CommonTokenStream(lexer);
        KqlParser parser = new KqlParser(tokens);
        parser.removeErrorListeners();
        parser.addErrorListener(new BaseErrorListener() {
            @Override
            public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line,
                    int charPositionInLine, String msg, RecognitionException e) {
                Token t = (Token) offendingSymbol;
                String text = t == null || t.getType() == Token.EOF ? "<EOF>" : t.getText();
                int position = t == null ? charPositionInLine : t.getCharPositionInLine();
                throw new KqlSyntaxException("Query could not be parsed at '" + text + "' on line [" + line + ","
                        + position + "]", line, position, text);
            }
        });
        // SLL first (fast); the full LL only when SLL cannot decide
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        parser.setErrorHandler(new org.antlr.v4.runtime.BailErrorStrategy());
        try {
            return parser.query();
        } catch (ParseCancellationException | KqlSyntaxException e) {
            tokens.seek(0);
            parser.reset();
            parser.setErrorHandler(new org.antlr.v4.runtime.DefaultErrorStrategy());
            parser.getInterpreter().setPredictionMode(PredictionMode.LL);
            return parser.query();
        }
    }
}
