package paperboy.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CleanTextTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "only 1\\% storage|only 1% storage",
            "we propose textbf{F}inetuning-textbf{F}ree|we propose Finetuning-Free",
            "we propose \\textbf{Fast} models|we propose Fast models",
            "get k^2 new drafts|get k² new drafts",
            "complexity is O(n^2) locally|complexity is O(n²) locally",
            "reach O(L^{{4}/{3}}) globally|reach O(L^(4/3)) globally",
            "256^3 RGB pixels|256³ RGB pixels",
            "Consistency Loss (I^2CL) is|Consistency Loss (I²CL) is",
            "a $\\times$ speed-up of $2\\times$|a × speed-up of 2×",
            "HyperZcdotZcdotW Operator|HyperZ·Z·W Operator",
            "x_{10} and x^{T}|x₁₀ and x^T",
            "plain text, untouched.|plain text, untouched.",
            "A & B < C|A & B < C"})
    void removesDebris(String raw, String clean) {
        assertThat(CleanText.clean(raw)).isEqualTo(clean);
    }
}
