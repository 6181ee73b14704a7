import { selectFigure } from "../../../src/adapters/word";
import { createSimulatedWord } from "../../../src/simulated-host/word";
import { generatedReport } from "./fixture";

describe("showing a figure in the document", () => {
  it("selects the figure's first content control, so Word scrolls to it", async () => {
    const { bytes, link } = await generatedReport();
    const sim = createSimulatedWord(bytes);
    const figure = link.figures.find((f) => f.text !== "")!;
    expect(sim.document.selection()).toBeNull();
    expect(await selectFigure(figure.id, sim.Word.run)).toBe(true);
    const selected = sim.document.selection();
    expect(selected?.tag).toBe(`lr:${figure.id}`);
    expect(selected?.text).toBe(figure.text);
    expect(sim.document.controls().find((c) => c.tag === `lr:${figure.id}`)!.id).toBe(selected!.id);
  });

  it("answers false and selects nothing when the clerk deleted the figure", async () => {
    const { bytes, link } = await generatedReport();
    const sim = createSimulatedWord(bytes);
    const id = link.figures[0].id;
    while (sim.document.controls().some((c) => c.tag === `lr:${id}`)) sim.document.deleteControl(`lr:${id}`, 0, false);
    expect(await selectFigure(id, sim.Word.run)).toBe(false);
    expect(sim.document.selection()).toBeNull();
  });
});
