package dev.linkops.routing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * A destination URL with {sku}, {market} and {language} placeholders, split once per link version.
 * {sku} is the link's primary SKU and never changes, so it is substituted at compile time; a template
 * without {market} or {language} expands to one shared string without allocating.
 */
final class DestinationTemplate {

    private static final String SKU = "{sku}";
    private static final String MARKET = "{market}";
    private static final String LANGUAGE = "{language}";

    private final String constant;
    /** literals.length == slots.length + 1; the expansion is literals[0] slots[0] literals[1] ... */
    private final String[] literals;
    private final boolean[] slotIsMarket;
    private final int literalLength;

    private DestinationTemplate(String constant, String[] literals, boolean[] slotIsMarket) {
        this.constant = constant;
        this.literals = literals;
        this.slotIsMarket = slotIsMarket;
        int length = 0;
        if (literals != null) {
            for (String literal : literals) {
                length += literal.length();
            }
        }
        this.literalLength = length;
    }

    static boolean usesSku(String template) {
        return template.contains(SKU);
    }

    /**
     * @param primarySku the link's first SKU, or null when the template does not use {sku}
     * @param strings    gives the shared instance of each piece of text the template keeps
     */
    static DestinationTemplate compile(String template, String primarySku, UnaryOperator<String> strings) {
        String withSku = primarySku == null ? template : template.replace(SKU, PercentEncoding.encode(primarySku));
        List<String> literals = new ArrayList<>();
        List<Boolean> slots = new ArrayList<>();
        int literalStart = 0;
        int open = withSku.indexOf('{');
        while (open >= 0) {
            // an unknown {word} stays literal text: routing must not guess what the author meant
            boolean market = withSku.startsWith(MARKET, open);
            if (market || withSku.startsWith(LANGUAGE, open)) {
                literals.add(withSku.substring(literalStart, open));
                slots.add(market);
                literalStart = open + (market ? MARKET.length() : LANGUAGE.length());
            }
            open = withSku.indexOf('{', open + 1);
        }
        if (slots.isEmpty()) {
            return new DestinationTemplate(strings.apply(withSku), null, null);
        }
        literals.add(withSku.substring(literalStart));
        literals.replaceAll(strings);
        boolean[] isMarket = new boolean[slots.size()];
        for (int i = 0; i < isMarket.length; i++) {
            isMarket[i] = slots.get(i);
        }
        return new DestinationTemplate(null, literals.toArray(String[]::new), isMarket);
    }

    /** Market and language are percent-encoded; a null one expands to nothing. */
    String expand(String market, String language) {
        if (constant != null) {
            return constant;
        }
        StringBuilder sb = new StringBuilder(literalLength + 16);
        sb.append(literals[0]);
        for (int i = 0; i < slotIsMarket.length; i++) {
            String value = slotIsMarket[i] ? market : language;
            if (value != null) {
                PercentEncoding.appendEncoded(sb, value);
            }
            sb.append(literals[i + 1]);
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DestinationTemplate other && Objects.equals(constant, other.constant)
                && Arrays.equals(literals, other.literals) && Arrays.equals(slotIsMarket, other.slotIsMarket);
    }

    @Override
    public int hashCode() {
        return Objects.hash(constant, Arrays.hashCode(literals), Arrays.hashCode(slotIsMarket));
    }
}
