/**
 * Denmark's five regions by their code in Danmarks Statistik's classification (1081 Nordjylland
 * … 1085 Sjælland): the one pattern every query, form and import holds a region code to.
 */
import { z } from 'zod';

export const RegionCodeSchema = z.string().regex(/^108[1-5]$/);
