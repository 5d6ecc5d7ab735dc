package org.jvirt.driver.hyperv.internal.sim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The subset of WQL ("WQL (SQL for WMI)", "SELECT Statement for Data Queries", "ASSOCIATORS OF
 * Statement" on Microsoft Learn) that libvirt's Hyper-V driver sends:
 * {@code SELECT * FROM Class [WHERE cond]} with comparisons ({@code = != <>}) of a property to a
 * string or number, AND, OR and parentheses; and {@code ASSOCIATORS OF {Class.Key="v",...}
 * [WHERE [AssocClass = A] [ResultClass = R]]}. Keywords are case-insensitive; anything else is
 * refused as WinRM refuses a query it cannot process.
 */
final class SimWql {
    /** A parsed query. */
    sealed interface Query permits Select, Associators {
    }

    record Select(String className, Predicate<SimInstance> where) implements Query {
    }

    record Associators(String className, Map<String, String> keys, String assocClass, String resultClass)
            implements Query {
    }

    /** A query the simulator cannot process (WinRM: wsman:CannotProcessFilter). */
    static final class BadQuery extends Exception {
        BadQuery(String message) {
            super(message);
        }
    }

    private final List<String> tokens;
    private int pos;

    private SimWql(String text) throws BadQuery {
        this.tokens = tokenize(text);
    }

    static Query parse(String text) throws BadQuery {
        SimWql p = new SimWql(text);
        Query q = p.query();
        if (p.pos != p.tokens.size()) {
            throw new BadQuery("unexpected '" + p.tokens.get(p.pos) + "'");
        }
        return q;
    }

    private Query query() throws BadQuery {
        if (keyword("SELECT")) {
            expect("*");
            expectKeyword("FROM");
            String className = next();
            Predicate<SimInstance> where = keyword("WHERE") ? or() : i -> true;
            return new Select(className, where);
        }
        expectKeyword("ASSOCIATORS");
        expectKeyword("OF");
        String path = next();
        if (!path.startsWith("{") || !path.endsWith("}")) {
            throw new BadQuery("ASSOCIATORS OF needs an object path in braces");
        }
        String assoc = null;
        String result = null;
        if (keyword("WHERE")) {
            while (pos < tokens.size()) {
                String name = next();
                expect("=");
                if (name.equalsIgnoreCase("AssocClass")) {
                    assoc = next();
                } else if (name.equalsIgnoreCase("ResultClass")) {
                    result = next();
                } else {
                    throw new BadQuery("unsupported ASSOCIATORS OF qualifier '" + name + "'");
                }
            }
        }
        String inner = path.substring(1, path.length() - 1);
        int dot = inner.indexOf('.');
        if (dot < 0) {
            throw new BadQuery("object path without keys: " + inner);
        }
        return new Associators(inner.substring(0, dot), keys(inner.substring(dot + 1)), assoc, result);
    }

    private Predicate<SimInstance> or() throws BadQuery {
        Predicate<SimInstance> left = and();
        while (keyword("OR")) {
            left = left.or(and());
        }
        return left;
    }

    private Predicate<SimInstance> and() throws BadQuery {
        Predicate<SimInstance> left = term();
        while (keyword("AND")) {
            left = left.and(term());
        }
        return left;
    }

    private Predicate<SimInstance> term() throws BadQuery {
        if (peek("(")) {
            pos++;
            Predicate<SimInstance> inner = or();
            expect(")");
            return inner;
        }
        String property = next();
        String op = next();
        String literal = next();
        String value = literal.startsWith("\"") || literal.startsWith("'") ? unquote(literal) : literal;
        boolean string = literal.startsWith("\"") || literal.startsWith("'");
        if (property.equalsIgnoreCase("__PATH") && op.equals("=") && string) {
            // WMI's system property: the instance's object path ("__PATH" on "WMI System Properties")
            SimHost.SimPath path = SimHost.SimPath.parse(value);
            return i -> path != null && path.names(i);
        }
        if (op.equalsIgnoreCase("LIKE") && string) {
            // "LIKE Operator": % any characters, _ one; case-insensitive as WQL's comparisons
            java.util.regex.Pattern like = java.util.regex.Pattern.compile(
                    java.util.regex.Pattern.quote(value).replace("%", "\\E.*\\Q").replace("_", "\\E.\\Q"),
                    java.util.regex.Pattern.CASE_INSENSITIVE | java.util.regex.Pattern.DOTALL);
            return i -> i.get(property) != null && like.matcher(i.get(property)).matches();
        }
        Predicate<SimInstance> equal = i -> {
            String actual = i.get(property);
            if (actual == null) {
                return false;
            }
            return string ? actual.equalsIgnoreCase(value) : numberEquals(actual, value);
        };
        return switch (op) {
            case "=" -> equal;
            case "!=", "<>" -> i -> i.get(property) != null && !equal.test(i);
            default -> throw new BadQuery("unsupported operator '" + op + "'");
        };
    }

    private static boolean numberEquals(String actual, String literal) {
        try {
            return Long.parseLong(actual.trim()) == Long.parseLong(literal);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** {@code Key="v",Key2="v2"} of an object path. */
    private static Map<String, String> keys(String text) throws BadQuery {
        Map<String, String> keys = new LinkedHashMap<>();
        for (String token : tokenize(text.replace(",", " , "))) {
            if (token.equals(",") || token.equals("=")) {
                continue;
            }
            if (token.startsWith("\"") || token.startsWith("'")) {
                if (keys.isEmpty()) {
                    throw new BadQuery("object path value without key");
                }
                String last = new ArrayList<>(keys.keySet()).get(keys.size() - 1);
                keys.put(last, unquote(token));
            } else {
                keys.put(token, null);
            }
        }
        return keys;
    }

    private static String unquote(String literal) {
        StringBuilder out = new StringBuilder();
        for (int i = 1; i < literal.length() - 1; i++) {
            char c = literal.charAt(i);
            if (c == '\\' && i + 1 < literal.length() - 1) {
                c = literal.charAt(++i);
            }
            out.append(c);
        }
        return out.toString();
    }

    private static List<String> tokenize(String text) throws BadQuery {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < text.length() && text.charAt(j) != c) {
                    j += text.charAt(j) == '\\' ? 2 : 1;
                }
                if (j >= text.length()) {
                    throw new BadQuery("unterminated string");
                }
                out.add(text.substring(i, j + 1));
                i = j + 1;
            } else if (c == '{') {
                int j = text.indexOf('}', i);
                if (j < 0) {
                    throw new BadQuery("unterminated object path");
                }
                out.add(text.substring(i, j + 1));
                i = j + 1;
            } else if ("()=*,".indexOf(c) >= 0) {
                out.add(String.valueOf(c));
                i++;
            } else if (c == '!' || c == '<') {
                int len = i + 1 < text.length() && "=>".indexOf(text.charAt(i + 1)) >= 0 ? 2 : 1;
                out.add(text.substring(i, i + len));
                i += len;
            } else {
                int j = i;
                while (j < text.length() && !Character.isWhitespace(text.charAt(j))
                        && "()=*,!<\"'{".indexOf(text.charAt(j)) < 0) {
                    j++;
                }
                out.add(text.substring(i, j));
                i = j;
            }
        }
        return out;
    }

    private boolean peek(String token) {
        return pos < tokens.size() && tokens.get(pos).equals(token);
    }

    private boolean keyword(String word) {
        if (pos < tokens.size() && tokens.get(pos).equalsIgnoreCase(word)) {
            pos++;
            return true;
        }
        return false;
    }

    private void expectKeyword(String word) throws BadQuery {
        if (!keyword(word)) {
            throw new BadQuery("expected " + word);
        }
    }

    private void expect(String token) throws BadQuery {
        if (!peek(token)) {
            throw new BadQuery("expected '" + token + "'");
        }
        pos++;
    }

    private String next() throws BadQuery {
        if (pos >= tokens.size()) {
            throw new BadQuery("unexpected end of query");
        }
        return tokens.get(pos++);
    }
}
