using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Planner.Core.Traces;

namespace Planner.Core.Tests.Traces;

/// <summary>A model slot compares a row's model field with its name as two words when the name has at most 16 bytes
/// (reading past the field, inside the scanner's padding): it must agree with a byte-by-byte comparison on every name.</summary>
public class ModelSlotTests
{
    private static readonly Planner.Core.Catalog.ResolvedModel Model = TestData.Catalog.Resolve("gpt-audio-mini");

    private static ModelSlot SlotNamed(byte[] name) => new(name, Model, TestData.Catalog.RatesFor(Model.Model));

    /// <summary><paramref name="text"/> as a field of a padded buffer: random bytes around it, 64 readable bytes after it.</summary>
    private static ReadOnlySpan<byte> InPaddedBuffer(byte[] text, byte filler)
    {
        var buffer = new byte[text.Length + 3 + TraceCsvScanner.Padding];
        buffer.AsSpan().Fill(filler);
        text.CopyTo(buffer, 3);
        return buffer.AsSpan(3, text.Length);
    }

    public static class Arbitraries
    {
        // Names of 0 to 20 bytes from a small alphabet, so that equal names, prefixes and one-byte differences are common.
        private static readonly Gen<byte[]> Names = Gen.Choose(0, 20).SelectMany(n => Gen.ArrayOf(Gen.Elements((byte)'a', (byte)'b', (byte)'-', (byte)0, (byte)0xFF), n));

        public static Arbitrary<(byte[] Name, byte[] Text, byte Filler)> Pairs() => Arb.From(
            from name in Names
            from text in Gen.OneOf(Gen.Constant(name), Names, Gen.Constant(name.Take(Math.Max(name.Length - 1, 0)).ToArray()))
            from filler in Gen.Elements((byte)0, (byte)'a', (byte)0xFF)
            select (name, text, filler));
    }

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 500)]
    public void NameIs_AgreesWithAByteComparison_ForAnyNameAndField((byte[] Name, byte[] Text, byte Filler) pair)
    {
        var slot = SlotNamed(pair.Name);

        slot.NameIs(InPaddedBuffer(pair.Text, pair.Filler)).Should().Be(pair.Text.AsSpan().SequenceEqual(pair.Name));
    }

    [Theory]
    [InlineData("gpt-audio-mini", "gpt-audio-mini", true)]
    [InlineData("gpt-audio-mini", "gpt-audio-minj", false)]
    [InlineData("gpt-audio-mini", "gpt-audio", false)]
    [InlineData("gpt-audio", "gpt-audio-mini", false)]
    [InlineData("gpt-realtime-2025-08-28", "gpt-realtime-2025-08-28", true)]
    [InlineData("gpt-realtime-2025-08-28", "gpt-realtime-2025-08-29", false)]
    [InlineData("12345678", "12345678", true)]
    [InlineData("12345678", "1234567", false)]
    public void NameIs_ComparesWholeNames(string name, string field, bool equal) =>
        SlotNamed(System.Text.Encoding.UTF8.GetBytes(name)).NameIs(InPaddedBuffer(System.Text.Encoding.UTF8.GetBytes(field), (byte)'i')).Should().Be(equal);
}
