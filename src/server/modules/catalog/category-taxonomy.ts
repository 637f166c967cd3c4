// The handmade and vintage category tree: top-level departments and their leaf categories.
export interface TaxonomyNode {
  slug: string;
  name: string;
  children?: TaxonomyNode[];
}

const leaf = (slug: string, name: string): TaxonomyNode => ({ slug, name });

export const categoryTaxonomy: TaxonomyNode[] = [
  {
    slug: 'jewelry',
    name: 'Jewellery',
    children: [
      leaf('necklaces', 'Necklaces & Pendants'),
      leaf('earrings', 'Earrings'),
      leaf('rings', 'Rings'),
      leaf('bracelets', 'Bracelets & Bangles'),
      leaf('brooches', 'Brooches & Pins'),
    ],
  },
  {
    slug: 'clothing',
    name: 'Clothing',
    children: [
      leaf('sweaters', 'Sweaters & Jumpers'),
      leaf('dresses', 'Dresses'),
      leaf('t-shirts', 'T-shirts & Tops'),
      leaf('jackets-coats', 'Jackets & Coats'),
      leaf('trousers', 'Trousers & Pants'),
      leaf('scarves', 'Scarves & Wraps'),
    ],
  },
  {
    slug: 'bags-purses',
    name: 'Bags & Purses',
    children: [
      leaf('tote-bags', 'Tote Bags'),
      leaf('handbags', 'Handbags'),
      leaf('backpacks', 'Backpacks & Rucksacks'),
      leaf('wallets', 'Wallets & Purses'),
    ],
  },
  {
    slug: 'home-living',
    name: 'Home & Living',
    children: [
      leaf('candles', 'Candles'),
      leaf('cushions', 'Cushions & Pillows'),
      leaf('blankets-throws', 'Blankets & Throws'),
      leaf('wall-decor', 'Wall Decor'),
      leaf('vases', 'Vases'),
      leaf('rugs', 'Rugs & Carpets'),
    ],
  },
  {
    slug: 'kitchen-dining',
    name: 'Kitchen & Dining',
    children: [
      leaf('mugs', 'Mugs & Cups'),
      leaf('bowls', 'Bowls'),
      leaf('plates', 'Plates'),
      leaf('cutting-boards', 'Chopping & Cutting Boards'),
      leaf('tea-towels', 'Tea Towels & Linens'),
    ],
  },
  {
    slug: 'art-prints',
    name: 'Art & Prints',
    children: [
      leaf('prints', 'Art Prints'),
      leaf('paintings', 'Paintings'),
      leaf('photography', 'Photography'),
      leaf('illustrations', 'Illustrations & Drawings'),
    ],
  },
  {
    slug: 'ceramics-pottery',
    name: 'Ceramics & Pottery',
    children: [
      leaf('planters', 'Planters & Pots'),
      leaf('teapots', 'Teapots'),
      leaf('ceramic-sculpture', 'Ceramic Sculpture'),
      leaf('serving-ware', 'Serving Ware'),
    ],
  },
  {
    slug: 'furniture',
    name: 'Furniture',
    children: [
      leaf('chairs', 'Chairs & Stools'),
      leaf('tables', 'Tables'),
      leaf('shelves', 'Shelves & Storage'),
      leaf('sofas', 'Sofas & Couches'),
    ],
  },
  {
    slug: 'toys-games',
    name: 'Toys & Games',
    children: [
      leaf('soft-toys', 'Soft Toys & Plushies'),
      leaf('wooden-toys', 'Wooden Toys'),
      leaf('puzzles', 'Puzzles & Games'),
    ],
  },
  {
    slug: 'baby-kids',
    name: 'Baby & Kids',
    children: [
      leaf('baby-clothing', 'Baby Clothing'),
      leaf('cloth-nappies', 'Cloth Nappies & Diapers'),
      leaf('nursery-decor', 'Nursery Decor'),
      leaf('baby-blankets', 'Baby Blankets'),
    ],
  },
  {
    slug: 'weddings',
    name: 'Weddings',
    children: [
      leaf('invitations', 'Invitations'),
      leaf('cake-toppers', 'Cake Toppers'),
      leaf('bridal-accessories', 'Bridal Accessories'),
    ],
  },
  {
    slug: 'craft-supplies',
    name: 'Craft Supplies',
    children: [
      leaf('yarn', 'Yarn & Wool'),
      leaf('fabric', 'Fabric'),
      leaf('beads', 'Beads & Findings'),
      leaf('patterns', 'Patterns & Tutorials'),
    ],
  },
  {
    slug: 'stationery',
    name: 'Paper & Stationery',
    children: [
      leaf('notebooks', 'Notebooks & Journals'),
      leaf('greeting-cards', 'Greeting Cards'),
      leaf('stickers', 'Stickers'),
    ],
  },
  {
    slug: 'accessories',
    name: 'Accessories',
    children: [
      leaf('hats', 'Hats & Caps'),
      leaf('gloves', 'Gloves & Mittens'),
      leaf('belts', 'Belts'),
      leaf('sunglasses', 'Sunglasses & Eyewear'),
    ],
  },
  {
    slug: 'vintage',
    name: 'Vintage',
    children: [
      leaf('vintage-clothing', 'Vintage Clothing'),
      leaf('vintage-homewares', 'Vintage Homewares'),
      leaf('collectibles', 'Collectibles'),
      leaf('vintage-jewelry', 'Vintage Jewellery'),
    ],
  },
  {
    slug: 'pet-supplies',
    name: 'Pet Supplies',
    children: [leaf('pet-collars', 'Collars & Leads'), leaf('pet-beds', 'Pet Beds'), leaf('pet-toys', 'Pet Toys')],
  },
  {
    slug: 'bath-beauty',
    name: 'Bath & Beauty',
    children: [leaf('soaps', 'Soaps'), leaf('skincare', 'Skincare'), leaf('bath-bombs', 'Bath Bombs & Salts')],
  },
];
